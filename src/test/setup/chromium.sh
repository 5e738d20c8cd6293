#!/bin/sh
# Run by the build before the tests (exec-maven-plugin, process-test-classes): the auditor UI test drives Debian's
# chromium through chromedriver, and no browser download works on these machines. Installs both when they are
# missing and the build runs as root with apt; otherwise stops the build at once with the one command to run.
# The browser test never skips.
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium and chromium-driver for the browser test (once per machine)..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; then
    exit 0
  fi
fi
echo "The auditor UI test needs Debian's chromium. Install it with: sudo apt-get install -y chromium chromium-driver" >&2
exit 1
