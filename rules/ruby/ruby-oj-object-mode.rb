# ruleid: ruby-oj-object-mode
obj = Oj.load(body, mode: :object)
# ruleid: ruby-oj-object-mode
Oj.default_options = { mode: :object }
# ok: ruby-oj-object-mode
obj = Oj.load(body, mode: :strict)
# ok: ruby-oj-object-mode
obj = Oj.load(body, mode: :compat)
