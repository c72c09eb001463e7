"""Benchmarks: synthetic archives and claims (`bench.synth`), measurements (`python -m bench.run`).

Nothing here is imported by claimcheck itself; `make bench` runs it and writes bench/results.md.
"""
