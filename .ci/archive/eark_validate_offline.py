#!/usr/bin/env python3
"""Run eark-validator (PyPI eark-validator 1.1.3) fully offline.

eark_validator/ipxml/schematron.py downloads four CSIP vocabularies with
urllib.request.urlopen() *at import time* (module-level SchematronTests()).
Without network the import crashes. The same vocabulary files ship inside the
wheel (eark_validator/ipxml/resources/vocabs/), so we redirect those URLs to the
bundled copies before importing the validator, then run its normal CLI main().
Usage: python eark_validate_offline.py [eark-validator args...] PACKAGE_DIR_OR_ZIP
"""
import io
import os
import sys
import urllib.request
from importlib.util import find_spec

_VOCAB_DIR = os.path.join(
    os.path.dirname(find_spec("eark_validator").origin), "ipxml", "resources", "vocabs")
_real_urlopen = urllib.request.urlopen


def _offline_urlopen(url, *args, **kwargs):
    u = url if isinstance(url, str) else url.full_url
    name = u.rsplit("/", 1)[-1]
    local = os.path.join(_VOCAB_DIR, name)
    if u.startswith("https://earkcsip.dilcis.eu/schema/") and os.path.isfile(local):
        with open(local, "rb") as fh:
            return io.BytesIO(fh.read())  # iterating yields lines as bytes, like HTTPResponse
    raise OSError(f"eark offline wrapper: refusing network access to {u}")


urllib.request.urlopen = _offline_urlopen

from eark_validator.cli.app import main  # noqa: E402  (import after patch)

if __name__ == "__main__":
    sys.argv[0] = "eark-validator"
    main()
