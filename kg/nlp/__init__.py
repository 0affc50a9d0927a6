"""The spaCy pipeline (kg.nlp.pipeline) and its components; importing this package loads no model."""

# Bumped whenever the pipeline's output may change: keys the build cache. Here, not in
# kg.nlp.pipeline, so that reading a version does not import spaCy.
PIPELINE_VERSION = "1"
