"""`python -m benchmarks.rss_of COMMAND...` runs COMMAND and prints its peak resident set size in
KiB, as the kernel accounted it (`getrusage(RUSAGE_CHILDREN).ru_maxrss`, Linux units), after
COMMAND's own output. A process of its own, so no other child is counted."""

from __future__ import annotations

import resource
import subprocess
import sys


def main(command: list[str]) -> int:
    status = subprocess.run(command, check=False).returncode  # noqa: S603 - by design
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
