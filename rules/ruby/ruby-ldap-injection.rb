class LdapLogin
  def authenticate(params)
    user = params[:username]
    # ruleid: ruby-ldap-injection
    entries = ldap.search(base: BASE_DN, filter: "(&(objectClass=person)(uid=#{user}))")
    # ruleid: ruby-ldap-injection
    parsed = Net::LDAP::Filter.construct("(uid=#{user})")
    escaped = Net::LDAP::Filter.escape(user)
    # ok: ruby-ldap-injection
    again = ldap.search(base: BASE_DN, filter: "(uid=#{escaped})")
    # ok: ruby-ldap-injection
    exact = ldap.search(base: BASE_DN, filter: Net::LDAP::Filter.eq("uid", user))
    # ok: ruby-ldap-injection
    all = ldap.search(base: BASE_DN, filter: "(objectClass=person)")
    [entries, parsed, again, exact, all]
  end
end
