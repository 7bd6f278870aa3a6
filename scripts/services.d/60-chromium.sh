# Headless Chromium for the status page's browser tests (cli StatusPageIT drives it over the DevTools
# protocol). Debian's package; the tests fail naming scripts/services when it is missing.
command -v chromium >/dev/null || apt_install chromium
