from django.http import JsonResponse
from flask import request


def signup(request):
    # ruleid: python-mass-assignment
    user = User.objects.create(**request.POST.dict())
    return JsonResponse({"id": user.id})


@app.route("/profile", methods=["POST"])
def profile():
    data = request.get_json()
    for key, value in data.items():
        # ruleid: python-mass-assignment
        setattr(current_user, key, value)
    for field in ("name", "email"):
        # ok: python-mass-assignment
        setattr(current_user, field, data[field])
    # ok: python-mass-assignment
    Profile.objects.create(name=data["name"], email=data["email"])
    return "ok"


@app.route("/settings", methods=["POST"])
def settings():
    data = request.get_json()
    for key in data:
        if key not in EDITABLE:
            continue
        # ok: python-mass-assignment
        setattr(current_user, key, data[key])
    return "ok"


def drf_create(request):
    serializer = ProfileSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    # ok: python-mass-assignment
    Profile.objects.create(**serializer.validated_data)
