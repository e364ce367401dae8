#!/usr/bin/env python3
"""Generates fake, format-valid secrets for the secret rules' fixtures
(`rules/secrets/`) and for the evaluation set (`tests/eval/secrets.eval`).

Every value is random (fixed seeds, so the output is reproducible) and fake: the
right shape for its provider, never a real credential. Checksummed formats
(GitHub, npm) get a valid CRC32-base62 suffix.

    python3 tests/eval/gen_secrets.py          # rewrites both
"""
import base64
import os
import random
import string
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AL = string.ascii_letters + string.digits
UP = string.ascii_uppercase + string.digits
LO = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"
URLSAFE = AL + "-_"
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
rnd = random.Random()


def s(n, alphabet=AL):
    # Guarantee a mix so values look random (at least one digit and letter when possible).
    while True:
        v = "".join(rnd.choice(alphabet) for _ in range(n))
        if n < 8 or (any(c.isdigit() for c in v) or not any(c.isdigit() for c in alphabet)):
            return v


def base62(n, width):
    out = ""
    while n:
        out = B62[n % 62] + out
        n //= 62
    return out.rjust(width, "0")


def crc_token(prefix):
    body = s(30)
    return prefix + body + base62(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)


def uuid():
    h = s(32, HEX)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def b64(n):
    return base64.b64encode(bytes(rnd.randrange(256) for _ in range(n))).decode()


GEN = {
    "gitlab-pat": lambda: "glpat-" + s(20, URLSAFE),
    "gitlab-pipeline-trigger-token": lambda: "glptt-" + s(40, HEX),
    "gitlab-deploy-token": lambda: "gldt-" + s(20, URLSAFE),
    "gitlab-runner-token": lambda: "glrt-" + rnd.choice(["", "t1_"]) + s(20, URLSAFE),
    "gitlab-runner-registration-token": lambda: "GR1348941" + s(20, URLSAFE),
    "gitlab-ci-build-token": lambda: "glcbt-" + s(2, HEX) + "_" + s(20, URLSAFE),
    "gitlab-oauth-app-secret": lambda: "gloas-" + s(64, HEX),
    "gitlab-feed-token": lambda: "glft-" + s(20, URLSAFE),
    "gitlab-incoming-email-token": lambda: "glimt-" + s(25, LO),
    "gitlab-agent-token": lambda: "glagent-" + s(50, URLSAFE),
    "gitlab-scim-token": lambda: "glsoat-" + s(20, URLSAFE),
    "gitlab-feature-flag-token": lambda: "glffct-" + s(20, URLSAFE),
    "github-pat": lambda: crc_token("ghp_"),
    "github-oauth-token": lambda: crc_token("gho_"),
    "github-app-token": lambda: crc_token(rnd.choice(["ghu_", "ghs_"])),
    "github-refresh-token": lambda: "ghr_" + s(76),
    "github-fine-grained-pat": lambda: "github_pat_" + s(22) + "_" + s(59),
    "bitbucket-app-password": lambda: "ATBB" + s(32) + s(8, "ABCDEF0123456789"),
    "atlassian-api-token": lambda: "ATATT3xFfGF0" + s(170, URLSAFE) + "=" + s(8, "ABCDEF0123456789"),
    "circleci-token": lambda: "CCIPAT_" + s(22) + "_" + s(40, HEX),
    "buildkite-token": lambda: "bkua_" + s(40, HEX),
    "aws-access-key-id": lambda: rnd.choice(["AKIA", "ASIA"]) + s(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
    "aws-secret-access-key": lambda: s(40, AL + "/+"),
    "gcp-api-key": lambda: "AIza" + s(35, URLSAFE),
    "gcp-service-account-key": lambda: s(40, HEX),
    "azure-storage-account-key": lambda: b64(64),
    "azure-ad-client-secret": lambda: s(3, AL) + str(rnd.randrange(10)) + "Q~" + s(34, AL + "_~.-"),
    "azure-sas-token": lambda: s(43, AL + "%") + "%3D",
    "digitalocean-token": lambda: rnd.choice(["dop_v1_", "doo_v1_"]) + s(64, HEX),
    "alibaba-access-key-id": lambda: "LTAI" + s(20),
    "heroku-api-key": lambda: "HRKU-" + s(60, URLSAFE),
    "hashicorp-vault-token": lambda: "hvs." + s(90, URLSAFE),
    "terraform-cloud-token": lambda: s(14) + ".atlasv1." + s(67, URLSAFE),
    "doppler-token": lambda: "dp.pt." + s(43),
    "pulumi-access-token": lambda: "pul-" + s(40, HEX),
    "databricks-token": lambda: "dapi" + s(32, HEX),
    "grafana-token": lambda: rnd.choice([lambda: "glc_" + s(80, AL + "+/") + "==", lambda: "glsa_" + s(32) + "_" + s(8, HEX)])(),
    "new-relic-api-key": lambda: "NRAK-" + s(27, UP),
    "sentry-token": lambda: rnd.choice([lambda: "sntrys_" + b64(120).replace("+", "_").rstrip("="), lambda: "sntryu_" + s(64, HEX)])(),
    "dynatrace-token": lambda: "dt0c01." + s(24, UP) + "." + s(64, UP),
    "cloudflare-origin-ca-key": lambda: "v1.0-" + s(24, HEX) + "-" + s(146, HEX),
    "supabase-token": lambda: "sbp_" + s(40, HEX),
    "planetscale-token": lambda: "pscale_" + rnd.choice(["tkn", "pw"]) + "_" + s(43, URLSAFE),
    "onepassword-service-account-token": lambda: "ops_eyJ" + s(300, AL + "+/"),
    "twilio-api-key": lambda: "SK" + s(32, HEX),
    "sendgrid-api-key": lambda: "SG." + s(22, URLSAFE) + "." + s(43, URLSAFE),
    "mailchimp-api-key": lambda: s(32, HEX) + "-us" + str(rnd.randrange(1, 21)),
    "mailgun-api-key": lambda: "key-" + s(32, HEX),
    "slack-token": lambda: rnd.choice(["xoxb-", "xoxp-"]) + "".join(rnd.choice(string.digits) for _ in range(12)) + "-" + "".join(rnd.choice(string.digits) for _ in range(13)) + "-" + s(24),
    "slack-webhook": lambda: "https://hooks.slack.com/services/T" + s(8, UP) + "/B" + s(8, UP) + "/" + s(24),
    "discord-webhook": lambda: "https://discord.com/api/webhooks/" + "".join(rnd.choice(string.digits) for _ in range(18)) + "/" + s(68, URLSAFE),
    "teams-webhook": lambda: f"https://contoso.webhook.office.com/webhookb2/{uuid()}@{uuid()}/IncomingWebhook/{s(32, HEX)}/{uuid()}",
    "google-chat-webhook": lambda: "https://chat.googleapis.com/v1/spaces/AAAA" + s(7, URLSAFE) + "/messages?key=AIza" + s(35, URLSAFE) + "&token=" + s(43, URLSAFE) + "%3D",
    "telegram-bot-token": lambda: str(rnd.randrange(10**8, 10**10)) + ":AA" + s(33, URLSAFE),
    "mapbox-secret-token": lambda: "sk.eyJ1Ijoi" + s(50, URLSAFE) + "." + s(22, URLSAFE),
    "postman-api-key": lambda: "PMAK-" + s(24, HEX) + "-" + s(34, HEX),
    "shopify-token": lambda: rnd.choice(["shpat_", "shpss_"]) + s(32, HEX),
    "linear-api-key": lambda: "lin_api_" + s(40),
    "notion-token": lambda: "ntn_" + "".join(rnd.choice(string.digits) for _ in range(11)) + s(35),
    "openai-api-key": lambda: rnd.choice([lambda: "sk-proj-" + s(74, URLSAFE) + "T3BlbkFJ" + s(74, URLSAFE), lambda: "sk-" + s(20) + "T3BlbkFJ" + s(20)])(),
    "anthropic-api-key": lambda: "sk-ant-api03-" + s(93, URLSAFE) + "AA",
    "huggingface-token": lambda: "hf_" + s(34, string.ascii_letters),
    "groq-api-key": lambda: "gsk_" + s(52),
    "replicate-api-token": lambda: "r8_" + s(37),
    "stripe-secret-key": lambda: rnd.choice(["sk_live_", "rk_live_"]) + s(rnd.choice([24, 99])),
    "stripe-test-key": lambda: "sk_test_" + s(rnd.choice([24, 99])),
    "stripe-webhook-secret": lambda: "whsec_" + s(32),
    "square-access-token": lambda: rnd.choice([lambda: "sq0atp-" + s(22, URLSAFE), lambda: "EAAA" + s(60, URLSAFE)])(),
    "square-oauth-secret": lambda: "sq0csp-" + s(43, URLSAFE),
    "braintree-access-token": lambda: "access_token$production$" + s(16, LO) + "$" + s(32, HEX),
    "flutterwave-secret-key": lambda: "FLWSECK-" + s(32, HEX) + "-X",
    "npm-token": lambda: crc_token("npm_"),
    "pypi-token": lambda: "pypi-AgEIcHlwaS5vcmc" + s(140, URLSAFE),
    "nuget-api-key": lambda: "oy2" + s(43, LO),
    "rubygems-api-key": lambda: "rubygems_" + s(48, HEX),
    "dockerhub-token": lambda: "dckr_pat_" + s(27, URLSAFE),
    "artifactory-token": lambda: rnd.choice([lambda: "AKCp" + s(69), lambda: "cmVmdGtu" + s(56)])(),
    "crates-io-token": lambda: "cio" + s(32),
    "clojars-token": lambda: "CLOJARS_" + s(60, LO),
    "age-secret-key": lambda: "AGE-SECRET-KEY-1" + s(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
    "kubeconfig-client-key": lambda: b64(120),
    "jwt": lambda: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + base64.urlsafe_b64encode(('{"sub":"%d","name":"%s","iat":%d}' % (rnd.randrange(10**6), s(8, string.ascii_lowercase), 1700000000 + rnd.randrange(10**7))).encode()).decode().rstrip("=") + "." + s(43, URLSAFE),
}

# How each rule's token appears in code: (file extension, template with {v}).
CTX = {
    "aws-secret-access-key": [("py", 'aws_secret_access_key = "{v}"'), ("env", "AWS_SECRET_ACCESS_KEY={v}")],
    "gcp-service-account-key": [("json", '  "private_key_id": "{v}",')],
    "azure-storage-account-key": [("cs", 'var conn = "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey={v};EndpointSuffix=core.windows.net";')],
    "azure-sas-token": [("env", "BLOB_URL=https://shop.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z&sig={v}")],
    "kubeconfig-client-key": [("yaml", "    client-key-data: {v}")],
    "heroku-api-key": None,
}

EVAL_TEMPLATES = [
    ("py", 'API_TOKEN = "{v}"'),
    ("js", "const client = new Client({{ auth: '{v}' }});"),
    ("yml", "  token: {v}"),
    ("env", "SERVICE_KEY={v}"),
    ("go", 'req.Header.Set("Authorization", "Bearer {v}")'),
    ("rb", "config.api_key = '{v}'"),
    ("sh", 'curl -H "Authorization: token {v}" https://api.example.org/v1/me'),
    ("java", 'private static final String KEY = "{v}";'),
    ("tf", '  token = "{v}"'),
    ("json", '  "key": "{v}",'),
]
FIXTURE_TEMPLATES = [
    ("py", 'token = "{v}"'),
    ("ts", 'export const credentials = {{ key: "{v}" }};'),
]


def contexts(rule, templates):
    if rule in CTX and CTX[rule]:
        return CTX[rule]
    return templates


def fixtures():
    rnd.seed(4004)
    d = os.path.join(ROOT, "rules", "secrets")
    os.makedirs(d, exist_ok=True)
    for rule, gen in GEN.items():
        ext, tmpl = rnd.choice(contexts(rule, FIXTURE_TEMPLATES))
        if rule == "aws-access-key-id":
            ext, tmpl = "env", "AWS_ACCESS_KEY_ID={v}"
        c = "#" if ext in ("py", "yml", "yaml", "env", "sh", "rb", "tf") else "//"
        lines = []
        for _ in range(2):
            lines += [f"{c} ruleid: {rule}", tmpl.format(v=gen())]
        good = gen()
        lines += [f"{c} ok: {rule}", tmpl.format(v="${SERVICE_TOKEN}")]
        lines += [f"{c} ok: {rule}", tmpl.format(v=good[:8] + "...")]
        lines += [f"{c} ok: {rule}", tmpl.format(v=good[:8] + "x" * (len(good) - 8))]
        with open(os.path.join(d, f"{rule}.{ext}"), "w") as f:
            f.write("\n".join(lines) + "\n")


NEGATIVES = [
    ("py", 'password = os.environ["DB_PASSWORD"]'),
    ("py", 'token = os.getenv("GITLAB_TOKEN")'),
    ("py", 'api_key = settings.STRIPE_API_KEY'),
    ("py", 'SECRET_KEY = env("DJANGO_SECRET_KEY")'),
    ("py", 'password = "changeme"'),
    ("py", 'password = "<your-password>"'),
    ("py", 'db_password = ""'),
    ("py", 'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")'),
    ("py", 'TOKEN_URL = "https://oauth2.googleapis.com/token"'),
    ("py", 'password_reset_template = "registration/password_reset_email.html"'),
    ("py", 'secret_name = "prod/payments/stripe-webhook"'),
    ("py", 'commit_sha = "9fceb02d0ae598e95dc970b74767f19372d61af8"'),
    ("py", 'request_id = "123e4567-e89b-12d3-a456-426614174000"'),
    ("py", 'if password == confirm_password:'),
    ("py", 'password = request.form["password"]'),
    ("py", 'hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())'),
    ("py", 'PASSWORD_MIN_LENGTH = 12'),
    ("py", 'token = jwt.encode(payload, key, algorithm="HS256")'),
    ("py", 'api_key_header = APIKeyHeader(name="X-API-Key")'),
    ("py", 'secret_key_field = "client_secret"'),
    ("py", 'access_key = boto3.Session().get_credentials().access_key'),
    ("js", 'const token = process.env.NPM_TOKEN;'),
    ("js", 'const apiKey = config.get("stripe.apiKey");'),
    ("js", "const password = document.getElementById('password').value;"),
    ("js", 'headers: { Authorization: `Bearer ${token}` },'),
    ("js", '"integrity": "sha512-dG9rZW4gd2l0aCBiYXNlNjQgZGF0YSB0aGF0IGlzIG5vdCBhIHNlY3JldCBhdCBhbGw=="'),
    ("js", "const STRIPE_KEY = 'sk_live_your_key_here';"),
    ("js", 'const GITHUB_TOKEN = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";'),
    ("js", "const csrfToken = document.querySelector('meta[name=csrf-token]').content;"),
    ("js", 'const tokenType = "refresh_token";'),
    ("js", 'passwordInput.placeholder = "Enter your password";'),
    ("ts", 'const secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db";'),
    ("ts", 'export const PASSWORD_PATTERN = "^(?=.*[a-z])(?=.*[A-Z])(?=.*\\\\d).{8,}$";'),
    ("yml", "  password: ${DB_PASSWORD}"),
    ("yml", "  token: $CI_JOB_TOKEN"),
    ("yml", "  api_key: \"{{ vault_api_key }}\""),
    ("yml", "      secretKeyRef:"),
    ("yml", "  GITLAB_TOKEN: $[[ inputs.token ]]"),
    ("yml", "    - echo \"$REGISTRY_PASSWORD\" | docker login -u \"$REGISTRY_USER\" --password-stdin"),
    ("env", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"),
    ("env", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("env", "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app"),
    ("env", "DATABASE_URL=postgres://postgres:postgres@localhost:5432/test"),
    ("env", "REDIS_URL=redis://localhost:6379/0"),
    ("env", "SECRET_KEY="),
    ("go", 'token := os.Getenv("API_TOKEN")'),
    ("go", 'const tokenHeader = "X-Auth-Token"'),
    ("go", 'password, err := reader.ReadString(\'\\n\')'),
    ("go", '	Password string `json:"password" yaml:"password"`'),
    ("go", 'sum := "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" // sha256 of empty input'),
    ("rb", "config.secret_key_base = ENV.fetch('SECRET_KEY_BASE')"),
    ("rb", "password = SecureRandom.hex(16)"),
    ("java", 'String password = System.getenv("DB_PASSWORD");'),
    ("java", '@Value("${spring.datasource.password}") private String password;'),
    ("java", 'private static final String TOKEN_PARAM = "access_token";'),
    ("cs", 'var secret = Configuration["Jwt:Secret"];'),
    ("cs", 'var conn = "Server=db;Database=shop;Integrated Security=true;";'),
    ("php", "$password = $_POST['password'];"),
    ("php", "'password' => env('DB_PASSWORD'),"),
    ("sh", 'export GITLAB_TOKEN="$(cat /run/secrets/gitlab_token)"'),
    ("sh", 'docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"'),
    ("tf", '  password = var.db_password'),
    ("tf", '  secret_string = random_password.db.result'),
    ("json", '  "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",'),
    ("json", '  "password": "",'),
    ("md", "Set `GITLAB_TOKEN` to a token starting with `glpat-`."),
    ("md", "Tokens look like `npm_` followed by 36 characters."),
    ("pem", "-----BEGIN PUBLIC KEY-----"),
    ("py", 'if pem.startswith("-----BEGIN RSA PRIVATE KEY-----"):'),
    ("py", 'KEY_HEADER = "-----BEGIN OPENSSH PRIVATE KEY-----"  # marker we look for'),
    ("rs", 'let token = std::env::var("API_TOKEN")?;'),
    ("rs", 'const SECRET_ENV: &str = "MRWARDEN_SECRET_KEY";'),
    ("kt", 'val password = BuildConfig.DB_PASSWORD'),
    ("py", 'aws_secret_access_key = credentials["SecretAccessKey"]'),
    ("py", 'image = "registry.gitlab.com/group/project:8f14e45fceea167a5a36dedd4bea2543"'),
    ("js", 'const hash = "5d41402abc4b2a76b9719d911017c592";'),
    ("py", 'SOCIAL_AUTH_GITHUB_SECRET = get_secret("github_oauth_secret")'),
    ("yml", "  secret: !vault |"),
    ("py", 'token_file = "/var/run/secrets/kubernetes.io/serviceaccount/token"'),
    ("py", "PRIVATE_KEY_PATH = 'keys/server.pem'"),
    ("js", "const apiKeyName = 'STRIPE_SECRET_KEY';"),
    ("py", 'password = "********"'),
    ("py", 'client_secret = "REPLACE_ME"'),
    ("py", 'secret = "TODO"'),
]

GENERIC_POSITIVES = [
    ("py", 'DB_PASSWORD = "{p}"'),
    ("js", "const password = '{p}';"),
    ("yml", "  password: \"{p}\""),
    ("java", 'ds.setPassword("{p}");'),
    ("php", "'password' => '{p}',"),
    ("rb", "smtp_password: '{p}'"),
    ("cs", 'var conn = "Server=sql01;Database=shop;User Id=shop;Password={p};";'),
    ("env", "DATABASE_URL=postgresql://shop:{p}@db.internal:5432/shop"),
    ("py", 'client_secret = "{k}"'),
    ("js", "const apiKey = '{k}';"),
    ("go", 'apiSecret := "{k}"'),
    ("yml", "  access_key: \"{k}\""),
    ("sh", 'curl https://deploy:{p}@artifacts.internal.example.net/upload'),
]


def password():
    words = ["Summer", "Winter", "Falcon", "Orbit", "Maple", "Tiger", "Nimbus"]
    return rnd.choice(words) + str(rnd.randrange(10, 9999)) + rnd.choice("!#%&*?") + s(3, AL)


def evalset():
    rnd.seed(9119)
    out = ["# Secrets evaluation set (generated by tests/eval/gen_secrets.py; all values fake).",
           "# '@ path' starts a file; '+ ' a line that must be reported as a secret,",
           "# '- ' a line that must not, '. ' an unlabelled context line."]
    n = 0
    for rule, gen in GEN.items():
        ctxs = contexts(rule, EVAL_TEMPLATES)
        picks = rnd.sample(ctxs, min(2, len(ctxs))) if len(ctxs) > 1 else ctxs * 2
        for ext, tmpl in picks:
            n += 1
            out.append(f"@ src/{rule.replace('-', '_')}_{n}.{ext}")
            out.append("+ " + tmpl.format(v=gen()))
    for ext, tmpl in GENERIC_POSITIVES:
        n += 1
        out.append(f"@ app/settings_{n}.{ext}")
        out.append("+ " + tmpl.format(p=password(), k=s(32, AL + "_-")))
    # Private keys in their usual forms.
    n += 1
    out += [f"@ deploy/id_rsa_{n}", "+ -----BEGIN OPENSSH PRIVATE KEY-----", ". " + b64(48), ". -----END OPENSSH PRIVATE KEY-----"]
    n += 1
    out += [f"@ config/key_{n}.py", '+ SIGNING_KEY = """-----BEGIN EC PRIVATE KEY-----', ". " + b64(48), '. -----END EC PRIVATE KEY-----"""']
    n += 1
    out += [f"@ config/sa_{n}.json", '+   "private_key": "-----BEGIN PRIVATE KEY-----\\n' + b64(40) + '\\n-----END PRIVATE KEY-----\\n",']
    n += 1
    out += [f"@ keys/deploy_{n}.ppk", "+ PuTTY-User-Key-File-3: ssh-ed25519", ". Encryption: none"]
    for ext, line in NEGATIVES:
        n += 1
        out.append(f"@ src/safe_{n}.{ext}")
        out.append("- " + line)
    with open(os.path.join(ROOT, "tests", "eval", "secrets.eval"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    fixtures()
    evalset()
