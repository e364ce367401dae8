app.post("/login", (req, res) => {
  const user = req.body.username;
  client.search(BASE_DN, {
    scope: "sub",
    // ruleid: js-ldap-injection
    filter: "(&(objectClass=person)(uid=" + user + "))",
  }, done);
  client.search(BASE_DN, {
    scope: "sub",
    // ok: js-ldap-injection
    filter: "(objectClass=person)",
  }, done);
  client.search(BASE_DN, {
    // ok: js-ldap-injection
    filter: "(uid=" + escapeLdapFilter(user) + ")",
  }, done);
});
