"""Train the small character-level NER shipped in kg/data/ner-cluener (Person / Organization / Location).

Reproduce (about 28 minutes with one thread on a shared 2-core machine, no GPU, no pretrained weights):

    python scripts/train_ner.py --data ../shared/datasets/cluener2020 --out kg/data/ner-cluener

Steps: CLUENER2020 train/dev JSON lines -> spaCy DocBin on a one-token-per-character Chinese
tokenizer (every CLUENER span aligns), a spaCy config (HashEmbed over NORM/PREFIX/SUFFIX/SHAPE and
the LAC features TAG/LEMMA + MaxoutWindowEncoder CNN, transition-based NER), `spacy train` on train only with dev for
evaluation and model selection, then an exact-span P/R/F1 on dev per coarse type and micro.
Only model-best (what `spacy.load` needs) is copied to --out; the DocBins, config and the
training run stay in --work.

Features (--features):
  char     the character only (NORM, PREFIX, SUFFIX, SHAPE hashes)
  lac-tag  + LAC's BIES position and tag of the character's word in TAG ("B-ORG", "S-v")
  lac      + the LAC word itself, hashed, in LEMMA
The LAC features come from kg.nlp.trained_ner.lac_char_features through the model's tokenizer
(kg.LacCharTokenizer.v1), the same function the wrapper uses at inference.

Label schemes (--labels):
  coarse  train Person / Organization / Location only (other CLUENER types unlabelled)
  fine    train the five mapped CLUENER types (name, company, organization, government, address)
  all     train all ten CLUENER types; the shipped wrapper keeps only the three coarse ones
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

COARSE = {"name": "Person", "company": "Organization", "organization": "Organization",
          "government": "Organization", "address": "Location"}
SCORED = ("Person", "Organization", "Location")
ROOT = Path(__file__).resolve().parent.parent

CONFIG = """\
[paths]
train = null
dev = null
vectors = null
init_tok2vec = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "zh"
pipeline = ["tok2vec","ner"]
batch_size = 256
disabled = []
before_creation = null
after_creation = null
after_pipeline_creation = null

[nlp.tokenizer]
{tokenizer}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = [{attrs}]
rows = [{attr_rows}]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = {window}
maxout_pieces = 3

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"

[corpora]

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = {dropout}
accumulate_gradient = 1
patience = {patience}
max_epochs = 0
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = {batch_start}
stop = {batch_words}
compound = {compound}
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = {learn_rate}

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def read_cluener(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_spans(item: dict, scheme: str) -> list[tuple[int, int, str]]:
    """(start, end exclusive, label) of one CLUENER item under a label scheme, duplicates once."""
    spans = set()
    for label, names in (item.get("label") or {}).items():
        if scheme == "coarse":
            if label not in COARSE:
                continue
            out = COARSE[label]
        elif scheme == "fine":
            if label not in COARSE:
                continue
            out = label
        else:
            out = label
        for offsets in names.values():
            for start, end in offsets:
                spans.add((start, end + 1, out))
    return sorted(spans)


def coarse_gold(item: dict) -> set[tuple[int, int, str]]:
    return {(s, e, COARSE[label]) for s, e, label in gold_spans(item, "fine")}


def to_docbin(nlp, items: list[dict], scheme: str, path: Path) -> Counter:
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    stats: Counter = Counter()
    db = DocBin(store_user_data=False)
    for item in items:
        doc = nlp.make_doc(item["text"])
        ents = []
        for start, end, label in gold_spans(item, scheme):
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
            if span is None:
                stats["misaligned"] += 1
                continue
            ents.append(span)
        kept = filter_spans(ents)
        stats["spans"] += len(kept)
        stats["overlap_dropped"] += len(ents) - len(kept)
        doc.ents = kept
        db.add(doc)
    db.to_disk(path)
    stats["docs"] = len(items)
    return stats


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pred: list[set], gold: list[set]) -> dict:
    """Exact-span P/R/F1 per coarse type and micro."""
    counts = {t: [0, 0, 0] for t in SCORED}
    for p_set, g_set in zip(pred, gold, strict=True):
        for t in SCORED:
            p_t = {s for s in p_set if s[2] == t}
            g_t = {s for s in g_set if s[2] == t}
            counts[t][0] += len(p_t & g_t)
            counts[t][1] += len(p_t - g_t)
            counts[t][2] += len(g_t - p_t)
    table = {t: dict(zip(("p", "r", "f"), prf(*c), strict=True), n=c[0] + c[2]) for t, c in counts.items()}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    table["micro"] = dict(zip(("p", "r", "f"), prf(*total), strict=True), n=total[0] + total[2])
    return table


def evaluate(model_dir: Path, items: list[dict]) -> tuple[dict, float, float]:
    """Score a saved model on CLUENER items through the shipped wrapper's mapping; also chars/s,
    with LAC run by the wrapper and with LAC's words given (as in the kg pipeline)."""
    sys.path.insert(0, str(ROOT))
    from kg.nlp.lac_tokenizer import analyse
    from kg.nlp.trained_ner import load_model, predict_spans

    load_model(model_dir)  # warm up / cache this directory
    texts = [item["text"] for item in items]
    chars = sum(map(len, texts))
    start = time.perf_counter()
    pred = predict_spans(texts, model_dir=model_dir)
    standalone = chars / (time.perf_counter() - start)
    lac = [analyse(t) for t in texts]
    start = time.perf_counter()
    given = predict_spans(texts, model_dir=model_dir, lac=lac)
    model_only = chars / (time.perf_counter() - start)
    assert given == pred, "LAC features given and computed differ"
    table = score([set(p) for p in pred], [coarse_gold(item) for item in items])
    return table, standalone, model_only


def set_meta(path: Path) -> None:
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["name"] = "cluener_char_ner"
    meta["description"] = ("Character-level CNN NER (with Baidu LAC word/tag features unless trained with --features "
                           "char) trained on CLUENER2020 train by kg's scripts/train_ner.py; kg.nlp.trained_ner "
                           "computes the features and maps its labels to Person / Organization / Location.")
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def format_table(table: dict) -> str:
    lines = ["| type | P | R | F1 | gold |", "| --- | --- | --- | --- | --- |"]
    for t, v in table.items():
        lines.append(f"| {t} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} | {v['n']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="folder with CLUENER2020 train.json and dev.json")
    ap.add_argument("--out", type=Path, required=True, help="where the trained model (model-best) is copied")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-ner-work"),
                    help="scratch folder for DocBins, config and the training run (not shipped)")
    ap.add_argument("--labels", choices=("coarse", "fine", "all"), default="coarse")
    ap.add_argument("--features", choices=("char", "lac-tag", "lac"), default="lac")
    ap.add_argument("--tag-rows", type=int, default=500, help="hash-embedding rows for the LAC tag feature")
    ap.add_argument("--word-rows", type=int, default=5000, help="hash-embedding rows for the LAC word feature")
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--window", type=int, default=2, help="MaxoutWindowEncoder window_size (per layer)")
    ap.add_argument("--rows", type=int, default=5000, help="hash-embedding rows for NORM (PREFIX/SUFFIX: half)")
    ap.add_argument("--hidden", type=int, default=64, help="NER parser hidden width")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--learn-rate", type=float, default=0.001)
    ap.add_argument("--batch-start", type=int, default=100, help="first batch size in characters")
    ap.add_argument("--batch-words", type=int, default=1000, help="final batch size in characters")
    ap.add_argument("--compound", type=float, default=1.001, help="batch size growth per step")
    ap.add_argument("--max-steps", type=int, default=6000)
    ap.add_argument("--eval-frequency", type=int, default=300)
    ap.add_argument("--patience", type=int, default=2400)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1, help="BLAS threads (0: leave as is)")
    args = ap.parse_args(argv)

    import spacy

    random.seed(args.seed)
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    train_items = read_cluener(args.data / "train.json")
    dev_items = read_cluener(args.data / "dev.json")
    nlp = spacy.blank("zh")  # default segmenter "char": one token per character
    assert nlp.tokenizer.segmenter == "char"
    for name, items in (("train", train_items), ("dev", dev_items)):
        stats = to_docbin(nlp, items, args.labels, work / f"{name}.spacy")
        print(f"{name}: {dict(stats)}", flush=True)

    attrs = [("NORM", args.rows), ("PREFIX", max(args.rows // 2, 500)), ("SUFFIX", max(args.rows // 2, 500)),
             ("SHAPE", 250)]
    if args.features != "char":
        attrs.append(("TAG", args.tag_rows))
    if args.features == "lac":
        attrs.append(("LEMMA", args.word_rows))
    tokenizer = ('@tokenizers = "spacy.zh.ChineseTokenizer"\nsegmenter = "char"' if args.features == "char"
                 else '@tokenizers = "kg.LacCharTokenizer.v1"')
    config = CONFIG.format(
        tokenizer=tokenizer, attrs=",".join(f'"{a}"' for a, _ in attrs), attr_rows=",".join(str(r) for _, r in attrs),
        seed=args.seed, width=args.width, depth=args.depth, window=args.window, rows=args.rows,
        hidden=args.hidden, dropout=args.dropout, patience=args.patience,
        max_steps=args.max_steps, eval_frequency=args.eval_frequency, batch_words=args.batch_words,
        batch_start=args.batch_start, compound=args.compound,
        learn_rate=args.learn_rate,
    )
    config_path = work / "config.cfg"
    config_path.write_text(config, encoding="utf-8")
    run_dir = work / "run"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    env = dict(os.environ)
    if args.threads:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(args.threads)
    code = work / "kg_code.py"  # registers kg.LacCharTokenizer.v1 in the training process
    code.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nimport kg.nlp.trained_ner  # noqa\n",
                    encoding="utf-8")
    cmd = [sys.executable, "-m", "spacy", "train", str(config_path), "--output", str(run_dir),
           "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy"), "--code", str(code)]
    print("+", " ".join(cmd), flush=True)
    started = time.time()
    subprocess.run(cmd, check=True, env=env)
    print(f"training took {time.time() - started:.0f} s", flush=True)

    best = run_dir / "model-best"
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(best, args.out)
    set_meta(args.out / "meta.json")
    table, speed, model_speed = evaluate(args.out, dev_items)
    result = {"args": {k: str(v) for k, v in vars(args).items()}, "dev": table, "chars_per_s": round(speed),
              "chars_per_s_lac_given": round(model_speed),
              "size_bytes": dir_size(args.out), "train_seconds": round(time.time() - started)}
    (work / "result.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(format_table(table))
    print(f"speed {speed:.0f} chars/s ({model_speed:.0f} with LAC's words given); "
          f"model {dir_size(args.out) / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
