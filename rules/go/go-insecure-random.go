import "math/rand"
// ruleid: go-insecure-random
token := fmt.Sprintf("%06d", rand.Intn(1000000))
// ok: go-insecure-random
delay := time.Duration(rand.Intn(100)) * time.Millisecond
