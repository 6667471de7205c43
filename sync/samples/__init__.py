"""Sample report files in Amazon's exact layouts, from a simulated seller (demo and tests)."""

from .seller import Seller, large_seller, small_seller
from .writers import WRITERS, write_demo_reports

__all__ = ["WRITERS", "Seller", "large_seller", "small_seller", "write_demo_reports"]
