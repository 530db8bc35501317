#!/bin/bash -eu
# OSS-Fuzz entry point. The Dockerfile clones the repository to $SRC/wsconform;
# the build itself lives in the repository, shared with ClusterFuzzLite, so the
# two never drift apart.
exec "$SRC/wsconform/.clusterfuzzlite/build.sh"
