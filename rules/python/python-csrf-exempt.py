from django.contrib.auth.decorators import login_required
from django.views.decorators.csrf import csrf_exempt, csrf_protect


# ruleid: python-csrf-exempt
@csrf_exempt
def transfer(request):
    return do_transfer(request.user, request.POST)


@login_required
# ruleid: python-csrf-exempt
@csrf_exempt
def change_email(request):
    return save(request.POST)


# ok: python-csrf-exempt
@csrf_protect
def profile(request):
    return save(request.user, request.POST)


# ok: python-csrf-exempt
@csrf_exempt
def ping(request, code):
    check = authenticate_api_key(request.headers.get("X-Api-Key"))
    return record(check, request.body)
