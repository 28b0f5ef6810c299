"""Helpers shared by the tests: fixtures' builders, fake servers, browser and page checks.

Import them by full name, e.g. ``from tests.support.canary import Canary``.
"""
