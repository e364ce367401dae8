# ruleid: ruby-json-create-additions
obj = JSON.parse(body, create_additions: true)
# ok: ruby-json-create-additions
obj = JSON.parse(body)
# ok: ruby-json-create-additions
obj = JSON.parse(body, create_additions: false, symbolize_names: true)
