#!/bin/sh
# ruleid: shell-pip-extra-index-url
pip install --extra-index-url https://pypi.internal.example.com/simple acme-utils
# ok: shell-pip-extra-index-url
pip install --index-url https://pypi.internal.example.com/simple acme-utils
# ok: shell-pip-extra-index-url
pip install torch --extra-index-url https://download.pytorch.org/whl/cu121
