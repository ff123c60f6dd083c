from . import product_product_demo
