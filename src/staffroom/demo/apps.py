from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The invented demo hub and the synthetic data for benchmarks. It sits above every
    other part and only calls their services."""

    name = "staffroom.demo"
    label = "demo"
    verbose_name = "Demo"
