var conn = new LdapConnection(new LdapDirectoryIdentifier("dc.corp.example.com", 636));
conn.SessionOptions.SecureSocketLayer = true;
// ok: csharp-ldap-insecure-bind
conn.AuthType = AuthType.Basic;
