# Odoo Tourisme on the official Odoo 18.0 image, with the Python requirements the image lacks
# (the OCA addons' wheels: report_xlsx, account_reconcile_oca, account_statement_import_ofx...).
# Built and run by docker-compose.yml. scripts/docker_check.sh runs this file's commands natively
# (no Docker daemon on the build machines): see README.md, "With Docker".
FROM odoo:18.0

USER root
# The report fonts tourism_base's PDF reports embed as text (see its manifest).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        fonts-lato fonts-roboto fonts-open-sans \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /opt/tourism/requirements.txt
COPY scripts/docker_requirements.py scripts/create_db.py /opt/tourism/scripts/
# Odoo's own requirements come with the image (Debian packages for its Python); pip adds the
# rest. The image's Python is the system's: pip may install there (PEP 668 flag), as root, into
# /usr/local, whose odoo/addons directory docker/entrypoint.sh puts on the addons path.
# The OCA wheels require the "odoo" distribution, which the Odoo package provides.
RUN python3 -c 'import importlib.metadata as m; print("odoo", m.version("odoo"))' \
    && python3 /opt/tourism/scripts/docker_requirements.py /opt/tourism/requirements.txt \
        >/opt/tourism/requirements-docker.txt \
    && PIP_BREAK_SYSTEM_PACKAGES=1 pip3 install --no-cache-dir \
        -r /opt/tourism/requirements-docker.txt \
    && python3 -c 'import os, sys; sys.exit(not any(os.path.isdir(os.path.join(p, "odoo", "addons", "report_xlsx")) for p in sys.path))'

COPY addons /opt/tourism/addons
COPY config/docker /opt/tourism/config/docker
COPY docker/entrypoint.sh docker/init.sh /opt/tourism/docker/
RUN chmod 755 /opt/tourism/docker/*.sh && mkdir -p /var/lib/odoo && chown -R odoo /var/lib/odoo

USER odoo
ENV ODOO_RC=/tmp/odoo.conf
EXPOSE 8069 8072
ENTRYPOINT ["/opt/tourism/docker/entrypoint.sh"]
CMD ["odoo"]
