# ruleid: python-tls-verify-disabled
r = requests.get(url, verify=False)
# ruleid: python-tls-verify-disabled
ctx = ssl._create_unverified_context()
# ok: python-tls-verify-disabled
r = requests.get(url, verify="/etc/ssl/certs/internal-ca.pem")
# ok: python-tls-verify-disabled
r = requests.get(url)
# ok: python-tls-verify-disabled
legacy_claims = jwt.decode(token, verify=False)
# ruleid: python-tls-verify-disabled
# fixed: resp = requests.get(url, verify=True, timeout=5)
resp = requests.get(url, verify=False, timeout=5)
