"""Account administration for the Administrator role: people, organisations and memberships.

Review data is deliberately NOT registered here: the admin does not audit reads, so case
records are only reachable through the service's own scoped, audited views.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext_lazy as _

from dhr.accounts.models import Membership, Organisation, User

# Sign-in to the admin goes through allauth (password + TOTP), never the admin's own
# password-only form.
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("DHR Manager administration")
admin.site.site_title = _("DHR Manager administration")


class MembershipInline(admin.TabularInline[Membership, Any]):
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "job_title", "is_active", "is_staff"]
    search_fields = ["full_name", "email"]
    list_filter = ["is_active", "is_staff"]
    fieldsets = (
        (None, {"fields": ("email", "full_name", "job_title", "password")}),
        (_("Access"), {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )
    inlines = [MembershipInline]
    filter_horizontal: tuple[str, ...] = ()


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "code", "jurisdiction"]
    list_filter = ["kind", "jurisdiction"]
    search_fields = ["name", "code"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "role", "organisation"]
    list_filter = ["role"]
    search_fields = ["user__full_name", "user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
