async fn search(Query(params): Query<HashMap<String, String>>, pool: web::Data<PgPool>) -> impl Responder {
    let name = params.get("name").cloned().unwrap_or_default();
    let sql = format!("SELECT * FROM users WHERE name = '{}'", name);
    // ruleid: rust-sql-injection-flow
    let rows = sqlx::query(&sql).fetch_all(pool.get_ref()).await;
    // ok: rust-sql-injection-flow
    let rows2 = sqlx::query("SELECT * FROM users WHERE name = $1").bind(&name).fetch_all(pool.get_ref()).await;
    HttpResponse::Ok().finish()
}

fn delete(form: web::Form<DeleteForm>, conn: &Connection) -> Result<()> {
    let stmt = "DELETE FROM items WHERE id = ".to_string() + &form.id;
    // ruleid: rust-sql-injection-flow
    conn.execute(&stmt, [])?;
    // ok: rust-sql-injection-flow
    conn.execute("DELETE FROM items WHERE id = ?1", params![form.id])?;
    Ok(())
}

fn report(conn: &Connection) -> Result<()> {
    let table = "items";
    let stmt = format!("SELECT count(*) FROM {}", table);
    // ok: rust-sql-injection-flow
    conn.execute(&stmt, [])?;
    Ok(())
}

async fn login(auth_data: web::Json<AuthData>, pool: web::Data<Pool>) -> Result<HttpResponse> {
    // ok: rust-sql-injection-flow
    let user = web::block(move || query(auth_data.into_inner(), pool)).await??;
    Ok(HttpResponse::Ok().json(user))
}
