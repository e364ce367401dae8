#!/usr/bin/env python3
"""Writes a synthetic unified diff for throughput measurement: FILES new files of
LINES added lines each (default 2000 x 100 = 200k lines), mixed languages, realistic
code with a few findings sprinkled in. Output goes to stdout; do not commit it.

    python3 bench/gen_diff.py > /tmp/big.diff
    cargo build --release
    /usr/bin/time -v target/release/mrwarden scan --diff /tmp/big.diff --output-dir /tmp/mw-out
"""
import random
import sys

FILES = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
LINES = int(sys.argv[2]) if len(sys.argv) > 2 else 100
rnd = random.Random(7)

BODY = {
    "py": [
        "def handle_{n}(request, user_id):",
        "    order = Order.objects.filter(user_id=user_id).first()",
        "    if order is None:",
        "        raise Http404(\"no order for user %s\" % user_id)",
        "    total = sum(item.price * item.quantity for item in order.items.all())",
        "    logger.info(\"order %s total %s\", order.id, total)",
        "    return JsonResponse({{\"id\": order.id, \"total\": str(total)}})",
        "    token = request.headers.get(\"Authorization\", \"\")",
        "    cursor.execute(\"SELECT id FROM users WHERE email = %s\", (email,))",
    ],
    "js": [
        "export async function load{n}(req, res) {{",
        "  const items = await db.items.findMany({{ where: {{ ownerId: req.user.id }} }});",
        "  const total = items.reduce((acc, it) => acc + it.price * it.qty, 0);",
        "  res.json({{ items, total, password: undefined }});",
        "  el.textContent = `${{items.length}} items`;",
        "}}",
    ],
    "go": [
        "func (s *Server) handle{n}(w http.ResponseWriter, r *http.Request) {{",
        "\tctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)",
        "\tdefer cancel()",
        "\trow := s.db.QueryRowContext(ctx, \"SELECT name FROM users WHERE id = $1\", id)",
        "\tif err := row.Scan(&name); err != nil {{",
        "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)",
        "\t}}",
        "}}",
    ],
    "java": [
        "    public Optional<Customer> find{n}(long id) {{",
        "        String sql = \"SELECT * FROM customers WHERE id = ?\";",
        "        return jdbc.query(sql, mapper, id).stream().findFirst();",
        "    }}",
    ],
    "rb": [
        "  def show_{n}",
        "    @order = current_user.orders.find(params[:id])",
        "    render json: @order.as_json(only: %i[id total state])",
        "  end",
    ],
    "yaml": [
        "  replicas: 3",
        "  selector:",
        "    matchLabels:",
        "      app: web-{n}",
    ],
}
FINDINGS = [
    "    cur.execute(f\"SELECT * FROM t WHERE a = '{a}'\")",
    "  el.innerHTML = data.html;",
    "const t = \"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\";",
    "password = \"Tr0ub4dor&3xZq\"",
]

out = sys.stdout
for f in range(FILES):
    ext = rnd.choice(list(BODY))
    path = f"src/module_{f // 50}/file_{f}.{ext}"
    lines = []
    n = 0
    while len(lines) < LINES:
        for tmpl in BODY[ext]:
            lines.append(tmpl.format(n=n))
        n += 1
    lines = lines[:LINES]
    if f % 97 == 0:
        lines[rnd.randrange(LINES)] = rnd.choice(FINDINGS)
    out.write(f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{LINES} @@\n")
    for line in lines:
        out.write("+" + line + "\n")
