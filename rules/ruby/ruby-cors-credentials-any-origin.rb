resource "*", headers: :any, methods: :any, credentials: true
# ruleid: ruby-cors-credentials-any-origin
origins "*"
# ok: ruby-cors-credentials-any-origin
origins "https://app.example.com"
