"""Data for training: generated toy sets and the learner's own CSV files."""
from core.data.datasets import DATASETS, Dataset, DataError, make_dataset

__all__ = ["DATASETS", "Dataset", "DataError", "make_dataset"]
