# ruleid: python-path-traversal
return send_file(os.path.join(UPLOADS, request.args["name"]))
# ruleid: python-path-traversal
with open("/srv/data/" + request.GET["file"]) as f:
# ok: python-path-traversal
return send_from_directory(UPLOADS, request.args["name"])
# ok: python-path-traversal
with open(os.path.join(UPLOADS, secure_filename(name))) as f:
