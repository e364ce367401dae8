let mut validation = Validation::new(Algorithm::HS256);
// ruleid: rust-jwt-validation-disabled
validation.insecure_disable_signature_validation();
// ruleid: rust-jwt-validation-disabled
validation.validate_exp = false;
// ok: rust-jwt-validation-disabled
validation.validate_exp = true;
// ok: rust-jwt-validation-disabled
let data = decode::<Claims>(&token, &DecodingKey::from_secret(secret), &validation)?;
