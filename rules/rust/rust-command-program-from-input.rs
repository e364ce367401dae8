async fn convert(Json(job): Json<Job>) -> impl IntoResponse {
    // ruleid: rust-command-program-from-input
    let out = Command::new(&job.tool).arg(&job.input).output().await;
    // ok: rust-command-program-from-input
    let out2 = Command::new("convert").arg("--").arg(&job.input).output().await;
    StatusCode::OK
}
