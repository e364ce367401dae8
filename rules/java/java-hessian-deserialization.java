// ruleid: java-hessian-deserialization
Hessian2Input in = new Hessian2Input(request.getInputStream());
// ruleid: java-hessian-deserialization
HessianInput legacy = new HessianInput(socket.getInputStream());
// ok: java-hessian-deserialization
Hessian2Output out = new Hessian2Output(response.getOutputStream());
