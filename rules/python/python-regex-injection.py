import re
from flask import request


@app.route("/search")
def search():
    term = request.args.get("q", "")
    # ruleid: python-regex-injection
    pattern = re.compile(term)
    lines = [l for l in LOG if pattern.search(l)]
    # ruleid: python-regex-injection
    hits = re.findall(r"\b" + term, TEXT)
    # ok: python-regex-injection
    safe = re.findall(re.escape(term), TEXT)
    # ok: python-regex-injection
    words = re.split(r"\s+", term)
    return {"lines": lines, "hits": hits, "safe": safe, "words": words}


def view(request):
    # ok: python-regex-injection
    rx = re.compile(r"^[a-z0-9_-]{3,32}$")
    return rx.match(request.GET["user"]) is not None


@router.get("/filter")
def filter_names(pattern: str, limit: int = 10):
    # ruleid: python-regex-injection
    rx = re.compile(pattern)
    # ok: python-regex-injection
    return [n for n in NAMES if rx.search(n)][:limit]


@router.get("/filter2")
def filter_names2(prefix: Optional[str] = None):
    # ruleid: python-regex-injection
    return [n for n in NAMES if re.match(prefix, n)]


def helper(pattern: str):
    # ok: python-regex-injection
    return re.compile(pattern)
