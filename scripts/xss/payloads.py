"""The payloads scripts/xss.sh puts into every free text; each would set `window.xss` or add an
element with an id x1…x5 if a page took it as markup, and each carries 探针 so that the check
can see the text was shown, as text."""

SHORT = [
    "探针<script>xss=1</script><b id=x1>",
    "探针\"><img src=x id=x2 onerror=xss=2>",
    "探针</style><i id=x3>",
    "javascript:xss=4//探针",
    "探针'><svg id=x5 onload=xss=5>",
]
FULL = " ".join(SHORT)
MARKERS = ["x1", "x2", "x3", "x5"]
