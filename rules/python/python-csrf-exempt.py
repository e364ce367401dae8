from django.views.decorators.csrf import csrf_exempt, csrf_protect


# ruleid: python-csrf-exempt
@csrf_exempt
def transfer(request):
    return do_transfer(request.POST)


# ok: python-csrf-exempt
@csrf_protect
def profile(request):
    return save(request.POST)


urlpatterns = [
    # ruleid: python-csrf-exempt
    path("hook/", csrf_exempt(hook_view)),
    # ok: python-csrf-exempt
    path("page/", page_view),
]
urlpatterns += [
    # ok: python-csrf-exempt
    path("graphql/", csrf_exempt(GraphQLView.as_view(schema=schema))),
]
