from django import forms
from rest_framework import serializers


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        # ruleid: python-modelform-all-fields
        fields = "__all__"


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        # ok: python-modelform-all-fields
        fields = ["body"]


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        # ok: python-modelform-all-fields
        fields = "__all__"
