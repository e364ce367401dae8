// ruleid: aws-secret-access-key
const awsSecret = "IhbzvQgyRhncLs9djK7OTkmksdjsnIFbUWcgMggF";
// ruleid: aws-secret-access-key
const creds = new AWS.Credentials("AKIAOVUMRP5AV35UUUIH", "COnsRutozzFrrcWC5rB7rv1U4DNmV9JaguA3wZrr");
// ruleid: aws-secret-access-key
const s3 = new S3Client({ region: "eu-west-1", credentials: { accessKeyId: "AKIALDEFPRZCWBTOOXBZ", secretAccessKey: "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" } });
// ok: aws-secret-access-key
const s3env = new S3Client({ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! } });
// ok: aws-secret-access-key
const awsSecretName = "prod/shop/aws-credentials";
