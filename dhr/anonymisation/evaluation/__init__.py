"""The scanner's labelled evaluation set and the recall and precision computed on it."""
