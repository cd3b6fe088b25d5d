import Vapor

/// The one small script: filters long checkbox lists as one types, and fills a form's location from the phone
/// when asked. Pages work without it.
enum Script {
    static let js = """
        document.addEventListener('DOMContentLoaded', function () {
          document.querySelectorAll('input[data-filter]').forEach(function (f) {
            var list = document.getElementById(f.getAttribute('data-filter'));
            if (!list) { return; }
            f.addEventListener('input', function () {
              var q = f.value.trim().toLowerCase();
              list.querySelectorAll('label, option').forEach(function (l) {
                l.hidden = q !== '' && l.textContent.toLowerCase().indexOf(q) < 0;
              });
            });
          });
        });
        document.addEventListener('DOMContentLoaded', function () {
          var b = document.getElementById('use-location');
          if (!b || !navigator.geolocation) { return; }
          b.hidden = false;
          b.addEventListener('click', function () {
            var s = document.getElementById('location-status');
            navigator.geolocation.getCurrentPosition(function (p) {
              document.getElementById('lat').value = p.coords.latitude.toFixed(6);
              document.getElementById('lng').value = p.coords.longitude.toFixed(6);
              if (s) { s.textContent = b.getAttribute('data-done'); }
            }, function () { if (s) { s.textContent = b.getAttribute('data-failed'); } }, { enableHighAccuracy: true, \
        timeout: 10000 });
          });
        });
        """

    static func serve() -> Response {
        StaticText.response(js, contentType: "text/javascript; charset=utf-8")
    }
}
