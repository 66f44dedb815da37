# kestra-lint in a container: built from this repository on Debian bookworm,
# installed from its own .deb (so the image holds what the package holds and
# the libraries its Depends name), run as a non-root user in /work.
#
#   docker build -t kestra-lint .
#   docker run --rm -v "$PWD:/work" kestra-lint check .
#
# The build stage makes the .deb with the tool alone (no tests).
FROM debian:bookworm-slim AS build
WORKDIR /src
COPY . .
RUN apt-get update \
 && scripts/deps.sh --build-only \
 && cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DKESTRA_LINT_STATIC=OFF \
 && cmake --build /build -j"$(nproc)" \
 && cd /build && cpack -G DEB

FROM debian:bookworm-slim
COPY --from=build /build/kestra-lint_*.deb /tmp/
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/kestra-lint_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/kestra-lint_*.deb \
 && useradd --system --uid 10001 --user-group --no-create-home --home-dir /work kestra-lint
USER kestra-lint
WORKDIR /work
ENTRYPOINT ["kestra-lint"]
CMD ["check", "."]
