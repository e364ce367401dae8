# ruleid: python-unsafe-deserialization
obj = pickle.loads(request.data)
# ruleid: python-unsafe-deserialization
model = joblib.load(path)
# ok: python-unsafe-deserialization
obj = json.loads(request.data)
# ok: python-unsafe-deserialization
state = torch.load(path, weights_only=True)
