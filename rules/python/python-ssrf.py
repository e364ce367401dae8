# ruleid: python-ssrf
r = requests.get(request.args["url"], timeout=5)
# ruleid: python-ssrf
data = urllib.request.urlopen(request.GET.get("feed")).read()
# ok: python-ssrf
r = requests.get(settings.BILLING_URL, params=request.args)
# ok: python-ssrf
r = requests.get("https://api.github.com/users/" + quote(user))
