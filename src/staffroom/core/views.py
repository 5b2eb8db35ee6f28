from django.shortcuts import redirect, render


def home(request):
    """Signed-in people go straight to their communities; visitors see what this is."""
    if request.user.is_authenticated:
        return redirect("communities:community_list")
    return render(request, "core/home.html")
