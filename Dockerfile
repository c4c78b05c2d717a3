# The help centre as a container: the site is built with the pinned Python packages, then served by
# Debian bookworm's nginx 1.22 with its brotli modules and the repository's configuration
# (deploy/nginx/), the one tests/test_nginx_serving.py checks.
#
#   docker build -t help-centre --build-arg SITE_URL=https://help.example.kz/ \
#     --build-arg SUPPORT_CHAT_URL='https://portal.example.kz/support/chat?lang={lang}&topic={topic}#message={message}' .
#   docker run --rm -p 8080:8080 help-centre
#
# Build it from a git checkout: the pages' "last updated" dates come from git history (.git is part
# of the build context; without it the pages carry no date). TLS ends in front of the container
# (load balancer or CDN): add Strict-Transport-Security there.

FROM python:3.11-slim-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git brotli nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Every file checked against the lock's hashes, then the project itself (editable, from /src), and
# esbuild (package-lock.json; the build bundles the pages' scripts): its metadata and package come
# first, so that the packages' layer is rebuilt only when they change.
COPY pyproject.toml requirements.hashes package.json package-lock.json ./
COPY support_kb/ support_kb/
RUN pip install --no-cache-dir --disable-pip-version-check --require-hashes -r requirements.hashes \
 && pip install --no-cache-dir --disable-pip-version-check --no-deps -e . \
 && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
COPY . .
# The public address (absolute hreflang alternates, sitemap, canonical links) and the chat's
# address; an empty SUPPORT_CHAT_URL keeps mkdocs.yml's default.
ARG SITE_URL=https://help.example.kz/
ARG SUPPORT_CHAT_URL=
ENV NO_MKDOCS_2_WARNING=1
RUN git config --global --add safe.directory /src \
 && if [ -z "$SUPPORT_CHAT_URL" ]; then unset SUPPORT_CHAT_URL; fi \
 && SITE_URL="$SITE_URL" python -m mkdocs build --strict -d /out/site
# Compressed copies beside the text files, which nginx sends as they are (gzip_static, brotli_static):
# the best compression once, instead of a faster one on every request.
RUN find /out/site -type f -size +255c \( -name '*.html' -o -name '*.css' -o -name '*.js' \
        -o -name '*.json' -o -name '*.xml' -o -name '*.map' -o -name '*.svg' \) \
        -exec gzip -k -f -9 {} + -exec brotli -k -f -q 11 {} +
RUN python deploy/nginx/render.py --site /out/site --root /srv/help-centre --listen 8080 \
        --out /out/nginx --conf /etc/nginx/help-centre --run /run/nginx --user www-data \
        --error-log stderr --access-log /dev/stdout

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static \
 && rm -rf /var/lib/apt/lists/* \
 && install -d /run/nginx
COPY --from=build /out/site /srv/help-centre
COPY --from=build /out/nginx/ /etc/nginx/help-centre/
# As Debian runs it: the master process (root) opens the port and the logs (the container's
# stdout and stderr), the workers that serve the files run as www-data.
EXPOSE 8080
STOPSIGNAL SIGQUIT
CMD ["nginx", "-c", "/etc/nginx/help-centre/nginx.conf", "-g", "daemon off;"]
