"""Ceasefire-compliance news monitor: the domain, free of Airflow."""

import os

__version__ = "0.1.0"

# One BLAS thread per process, set before numpy loads: spaCy's matrices are small, and OpenBLAS's
# extra threads spin on the cores the worker processes need (parsing is ~13% faster with one
# thread even on an idle machine). Worker processes inherit it; a value set by the user is kept.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
