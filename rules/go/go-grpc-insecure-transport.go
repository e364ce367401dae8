// ruleid: go-grpc-insecure-transport
conn, err := grpc.Dial(cfg.PaymentsAddr, grpc.WithInsecure())
// ruleid: go-grpc-insecure-transport
conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
// ok: go-grpc-insecure-transport
conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(credentials.NewTLS(tlsCfg)))
// ok: go-grpc-insecure-transport
conn, err := grpc.NewClient("unix:///run/agent.sock", grpc.WithTransportCredentials(insecure.NewCredentials()))
