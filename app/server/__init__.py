"""``keyferry serve``: the Huawei Cloud KMS REST API over the embedded engine, so that the
official SDK works against Keyferry unchanged (``api.py`` the routes, ``signing.py`` the
SDK-HMAC-SHA256 signatures, ``credentials.py`` the access key, ``serve.py`` the process)."""
