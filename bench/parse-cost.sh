#!/usr/bin/env bash
# How the syntax-tree engines' cost grows with file size (issue 17): one file of each
# size, in Python, JavaScript and Java, made of ordinary handler functions (a request
# value flowing through a few lines into a sink), scanned whole with every built-in rule
# (`mrwarden scan --all`, which parses each file and runs the structural and taint
# engines over every line). Also one very long function (the taint engine's worst case,
# bounded by its step budget) and the two files the limits exist for (a 5 MB minified
# script, a 100k-line module: over `limits.parse_file_bytes`, not parsed, noted).
#
# Usage: bench/parse-cost.sh [REPS]   (default 3; prints a Markdown table)
#   MRWARDEN  the binary (default target/release/mrwarden)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
reps="${1:-3}"
mw="${MRWARDEN:-$root/target/release/mrwarden}"
[ -x "$mw" ] || { echo "parse-cost: build first: cargo build --release --locked" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
PY_FN = '''
@app.route("/items/{i}")
def handler_{i}():
    name = request.args.get("name", "")
    label = "item-" + name
    rows = db.execute("SELECT * FROM items WHERE id = ?", (name,))
    total = sum(r[1] for r in rows)
    if total > {i}:
        log.info("big %s", label)
    return render_template("item.html", label=label, total=total)
'''
JS_FN = '''
app.get("/items/{i}", (req, res) => {{
  const name = req.query.name || "";
  const label = `item-${{name}}`;
  db.query("SELECT * FROM items WHERE id = ?", [name], (err, rows) => {{
    const total = rows.reduce((a, r) => a + r.qty, 0);
    if (total > {i}) console.log("big", label);
    res.json({{ label, total }});
  }});
}});
'''
JAVA_FN = '''
    @GetMapping("/items/{i}")
    public String handler{i}(@RequestParam String name) throws Exception {{
        String label = "item-" + name;
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM items WHERE id = ?");
        ps.setString(1, name);
        ResultSet rs = ps.executeQuery();
        int total = 0;
        while (rs.next()) {{ total += rs.getInt(2); }}
        return label + total;
    }}
'''
def build(path, head, fn, tail, size):
    parts, n, i = [head], len(head), 0
    while n < size:
        s = fn.format(i=i); parts.append(s); n += len(s); i += 1
    parts.append(tail)
    open(path, "w").write("".join(parts))
for kb in (10, 100, 250, 500, 1000):
    d = os.path.join(work, f"s{kb}"); os.makedirs(d)
    build(f"{d}/app.py", "from flask import request\n", PY_FN, "", kb * 1000)
    build(f"{d}/app.js", "const app = require('express')();\n", JS_FN, "", kb * 1000)
    build(f"{d}/App.java", "class App {\n", JAVA_FN, "}\n", kb * 1000)
# One long function: 5,000 statements passing a request value along.
d = os.path.join(work, "long"); os.makedirs(d)
body = "".join(f"    v{i} = v{i-1} + str({i})\n" for i in range(1, 5000))
open(f"{d}/long.py", "w").write("def handler():\n    v0 = request.args.get('x')\n" + body + "    os.system(v4999)\n")
# The limits' cases.
d = os.path.join(work, "limits"); os.makedirs(d)
open(f"{d}/bundle.min.js", "w").write("".join(f"var a{i}=function(b){{return b+{i}}};" for i in range(160000)))
open(f"{d}/generated_models.py", "w").write("".join(f"FIELD_{i} = {i}\n" for i in range(100000)))
PY

run() { # dir -> "median_s rss_mb parsed notes"
  local dir="$1" times=() rss=0 t
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$mw" scan --all "$dir" --format json --fail-on never \
      --output-dir "$work/out" > "$work/out.json" 2>/dev/null || true
    read -r t r < "$work/t"; times+=("$t"); [ "$r" -gt "$rss" ] && rss=$r
  done
  local med
  med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (reps + 1) / 2 ))p")
  local parsed notes
  parsed=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["run"]["stats"].get("files_parsed",0))' "$work/out.json")
  notes=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(",".join(sorted({n["reason"] for n in d["run"].get("notes",[])})) or "-")' "$work/out.json")
  echo "$med $((rss / 1024)) $parsed $notes"
}
echo "mrwarden: $("$mw" --version); $reps repetitions, median wall time; peak RSS is the largest."
echo
echo "| input | bytes | median wall s | MB/s | peak RSS MB | files parsed | notes |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
for kb in 10 100 250 500 1000; do
  bytes=$(cat "$work/s$kb"/* | wc -c)
  read -r med rss parsed notes < <(run "$work/s$kb")
  mbs=$(python3 -c "print(f'{$bytes/1e6/max($med,0.01):.2f}')")
  echo "| 3 files (py, js, java) of ${kb} kB | $bytes | $med | $mbs | $rss | $parsed | $notes |"
done
for case in long limits; do
  bytes=$(cat "$work/$case"/* | wc -c)
  read -r med rss parsed notes < <(run "$work/$case")
  mbs=$(python3 -c "print(f'{$bytes/1e6/max($med,0.01):.2f}')")
  label=$([ "$case" = long ] && echo "one 5,000-statement function" || echo "5 MB minified JS + 100k-line module")
  echo "| $label | $bytes | $med | $mbs | $rss | $parsed | $notes |"
done
