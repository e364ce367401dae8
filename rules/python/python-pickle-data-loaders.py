import numpy as np
import pandas as pd

# ruleid: python-pickle-data-loaders
frame = pd.read_pickle(upload_path)
# ruleid: python-pickle-data-loaders
arr = np.load(path, allow_pickle=True)
# ok: python-pickle-data-loaders
arr2 = np.load(path, allow_pickle=False)
# ok: python-pickle-data-loaders
frame2 = pd.read_parquet(upload_path)
