"""dealtrail's benchmarks: each figure set against a baseline measured in the same run, on the
same store (`python -m benchmarks --help`; README.md, "Performance", has the latest figures).

One module per measurement; `harness` holds what they share (fresh stores, interleaved timing,
medians, results) and `report` turns results into the table and the JSON document.
"""
