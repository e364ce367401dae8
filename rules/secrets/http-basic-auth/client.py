# ruleid: http-basic-auth
headers = {"Authorization": "Basic c3ZjLWRlcGxveTpWcThyVHoybUtwNEx3OVhj"}
# ruleid: http-basic-auth
requests.get(url, headers={"Authorization": "Basic b2F1dGgyOmdscGF0LVdtM3FacjhUa1YyeExwOU5jQjdk"})
# ok: http-basic-auth
headers = {"Authorization": "Basic dXNlcjpwYXNzd29yZA=="}
# ok: http-basic-auth
headers = {"Authorization": "Basic YWRtaW46Y2hhbmdlbWU="}
# ok: http-basic-auth
headers = {"Authorization": f"Basic {encoded}"}
# ok: http-basic-auth
# This is a basic introduction to the client for beginners.
