class Db {
  // ruleid: jdbc-url-password
  static final String URL = "jdbc:postgresql://db.corp.internal:5432/shop?user=shop&password=Jr4xT9wQ2mZ7";
  // ruleid: jdbc-url-password
  static final String MSSQL = "jdbc:sqlserver://sql01:1433;databaseName=shop;user=sa;password=Qw7vK2xT9mZ4;";
  // ruleid: jdbc-url-password
  static final String ORA = "jdbc:oracle:thin:scott/Pq7wX2zT9mK4@db.corp.internal:1521:ORCL";
  // ruleid: jdbc-url-password
  Connection c = DriverManager.getConnection("jdbc:mysql://db:3306/shop", "shop", "Mx8vQ3tZ6wK2");
  // ruleid: jdbc-url-password
  static final String ENC = "jdbc:postgresql://db/shop?user=shop&password=Tz5%40wQ9x%21mK2";
  // ok: jdbc-url-password
  static final String T = "jdbc:postgresql://localhost/test?user=test&password=test";
  // ok: jdbc-url-password
  static final String V = "jdbc:postgresql://db/shop?user=shop&password=%24%7BDB_PASSWORD%7D";
  // ok: jdbc-url-password
  Connection d = DriverManager.getConnection(url, user, password);
  // ok: jdbc-url-password
  static final String N = "jdbc:postgresql://db/shop?user=shop&passwordFile=/run/secrets/db";
}
